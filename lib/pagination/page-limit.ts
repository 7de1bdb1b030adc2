import { z } from "zod";

const limitMessage = "errors.pageLimit";

/** `?limit=` of every list (API.md "Lists"): 1 to 200, 50 when absent. */
export const pageLimitSchema = z.coerce.number(limitMessage).int(limitMessage).min(1, limitMessage).max(200, limitMessage).default(50);
