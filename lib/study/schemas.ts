import { z } from "zod";

const id = z.coerce.number({ message: "编号无效" }).int().positive("编号无效");
export const studyYear = z.coerce.number({ message: "年份无效" }).int().min(2000, "年份无效").max(2100, "年份无效");
const note = z.string().trim().max(200, "学习提示不超过 200 个字").optional().transform((v) => v ?? "");

/** 列入学法清单: a rule, a year and an optional hint such as "重点学习第三章". */
export const addStudyItemSchema = z.object({ year: studyYear, regulationId: id, note }).strict();
export const updateStudyNoteSchema = z.object({ itemId: id, note }).strict();
export const removeStudyItemSchema = z.object({ itemId: id }).strict();
/** A reader's own mark; the reader is always the signed-in user, never a field. */
export const studyMarkSchema = z.object({ year: studyYear, regulationId: id }).strict();

export type AddStudyItemInput = z.infer<typeof addStudyItemSchema>;
export type UpdateStudyNoteInput = z.infer<typeof updateStudyNoteSchema>;
export type StudyMarkInput = z.infer<typeof studyMarkSchema>;
