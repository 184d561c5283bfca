import { AppError } from "~/utils/app-error";

export type AnswerFeedbackErrorCode = "not_submitter" | "already_rated" | "already_contested" | "not_contestable" | "answer_not_found" | "idea_not_found";

const hints: Record<string, AnswerFeedbackErrorCode> = {
  not_submitter: "not_submitter",
  already_rated: "already_rated",
  already_contested: "already_contested",
  not_contestable: "not_contestable",
  answer_not_found: "answer_not_found",
  idea_not_found: "idea_not_found",
};

/** The database's refusals (triggers, RLS, unique keys) as AppErrors the route can explain. */
export async function mapAnswerFeedbackErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code, hint, constraint } = (error ?? {}) as { code?: string; hint?: string; constraint?: string };
    if (hint && hints[hint]) throw new AppError(hints[hint]);
    if (constraint === "idea_answer_feedback_answer_id_key") throw new AppError("already_rated");
    if (constraint === "idea_contests_idea_id_key") throw new AppError("already_contested");
    if (code === "42501") throw new AppError("not_submitter");
    throw error;
  }
}
