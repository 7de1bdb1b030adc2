"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { passwordResetRequestSchema, requestPasswordResetFromForm, resetPasswordFromForm } from "@/lib/auth/password-reset";
import { passwordProblem } from "@/lib/auth/password-policy";
import { publicBaseUrl } from "@/lib/auth/public-base-url";
import type { FormState } from "@/lib/gate/define-action";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import { fail, type AppError } from "@/lib/result";
import { fieldErrors } from "@/lib/validation/field-errors";

// Asking for and using a reset link are the gate's named exemptions: nobody is signed in yet. Outside the gate,
// refusals are worded here, in the visitor's language.

export type ForgotPasswordState = FormState<{ requested: true }>;
/** Success redirects to the sign-in page, so the state only ever holds a refusal. */
export type ResetPasswordState = FormState<null>;

async function inWords(refusal: { ok: false; error: AppError }): Promise<{ ok: false; error: AppError }> {
  return { ok: false, error: renderAppError(await requestLocale(), refusal.error) };
}

export async function requestPasswordResetAction(_previous: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  const values = { email: String(formData.get("email") ?? "").trim() };
  const parsed = passwordResetRequestSchema.safeParse(values);
  if (!parsed.success) return { ...(await inWords(fail("invalid", "errors.fieldsNeedAttention", fieldErrors(parsed.error)))), values };

  const requestHeaders = await headers();
  const request = {
    email: parsed.data.email,
    clientAddress: clientAddressFrom(requestHeaders),
    baseUrl: publicBaseUrl(),
    locale: await requestLocale(),
  };
  // The answer never depends on the outcome, so the work runs once it is sent: its timing cannot tell which
  // e-mails have accounts either.
  after(async () => {
    const result = await requestPasswordResetFromForm(request);
    if (!result.ok) console.error(`[password reset] A request was refused: ${result.error.message}`);
  });
  return { ok: true, data: { requested: true }, values };
}

const resetPasswordFormSchema = z
  .object({
    token: z.string(),
    password: z
      .string()
      .max(1024, "auth.password.tooLong")
      .superRefine((password, context) => {
        const problem = passwordProblem(password);
        if (problem) context.addIssue({ code: "custom", message: problem });
      }),
    confirmPassword: z.string().max(1024),
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "auth.errors.passwordsDiffer",
  });

export async function resetPasswordAction(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  // Neither the passwords nor the token go back to the browser.
  const values = {};
  const parsed = resetPasswordFormSchema.safeParse({
    token: String(formData.get("token") ?? ""),
    password: String(formData.get("password") ?? ""),
    confirmPassword: String(formData.get("confirmPassword") ?? ""),
  });
  if (!parsed.success) return { ...(await inWords(fail("invalid", "auth.errors.choosePassword", fieldErrors(parsed.error)))), values };

  const { token, password } = parsed.data;
  const result = await resetPasswordFromForm({ token, password, clientAddress: clientAddressFrom(await headers()) });
  if (!result.ok) return { ...(await inWords(result)), values };
  redirect("/signin?reset=done");
}
