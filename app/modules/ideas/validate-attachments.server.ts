import { AppError } from "~/utils/app-error";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "./idea-vocabulary";

export type UploadedFile = { fileName: string; contentType: string; bytes: Uint8Array };
export type ValidAttachment = UploadedFile & { contentType: (typeof ATTACHMENT_TYPES)[number] };

type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

// The browser's content type is a claim; the first bytes are the evidence.
function sniffContentType(bytes: Uint8Array): AttachmentType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return "image/webp";
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  return null;
}

export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "").trim().slice(0, 200);
  return cleaned || "vedlegg";
}

/** Throws AppError('attachment_*') naming the file, so the user knows which one to fix. */
export function validateAttachments(files: UploadedFile[]): ValidAttachment[] {
  const real = files.filter((f) => f.bytes.byteLength > 0 || f.fileName);
  if (real.length > MAX_ATTACHMENTS) throw new AppError("attachment_too_many", { max: MAX_ATTACHMENTS });
  return real.map((file) => {
    const fileName = cleanFileName(file.fileName);
    if (file.bytes.byteLength === 0) throw new AppError("attachment_empty", { fileName });
    if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new AppError("attachment_too_large", { fileName, maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
    const sniffed = sniffContentType(file.bytes);
    if (!sniffed) throw new AppError("attachment_wrong_type", { fileName });
    return { fileName, bytes: file.bytes, contentType: sniffed };
  });
}
