import { z } from "zod";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码").max(256, "当前密码不正确"),
    newPassword: z.string().min(1, "请输入新密码").max(256, "密码不超过 128 位"),
    confirmPassword: z.string(),
  })
  .strict()
  .refine((v) => v.newPassword === v.confirmPassword, { message: "两次输入的新密码不一致", path: ["confirmPassword"] });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
