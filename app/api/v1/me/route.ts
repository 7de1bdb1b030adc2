import { defineRoute, noInput } from "@/lib/gate/define-route";
import { describeActingUser } from "@/lib/users/describe-acting-user";
import { ok } from "@/lib/result";

export const GET = defineRoute({ name: "me.read", input: noInput }, async ({ user }) => ok(describeActingUser(user)));
