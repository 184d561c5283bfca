import { readMultipartForm } from "~/modules/storage/read-multipart-form.server";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "./idea-vocabulary";
import type { UploadedFile } from "./validate-attachments.server";

export type ParsedAttachmentForm = { formData: FormData; files: UploadedFile[]; oversizedFiles: string[]; textTooLarge: boolean };

/** An idea form with its `attachments` files (the idea form and the attachments page). */
export async function readFormWithAttachments(request: Request): Promise<ParsedAttachmentForm> {
  const form = await readMultipartForm(request, {
    maxTextPartBytes: 1024 * 1024,
    // A bit above the per-file limit, so a file just over it is named in the message rather than cut off.
    maxFileBytes: MAX_ATTACHMENT_BYTES + 512 * 1024,
    acceptsFile: (name) => name === "attachments",
    maxFiles: MAX_ATTACHMENTS,
  });
  return {
    formData: form.formData,
    files: form.files.map(({ fileName, contentType, bytes }) => ({ fileName, contentType, bytes })),
    oversizedFiles: form.oversized.map((f) => f.fileName),
    textTooLarge: form.textTooLarge,
  };
}
