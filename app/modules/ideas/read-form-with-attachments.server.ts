import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "./idea-vocabulary";
import { cleanFileName, type UploadedFile } from "./validate-attachments.server";

/** A bit above the per-file limit, so a file just over it is named in the message rather than cut off. */
const MAX_FILE_PART_BYTES = MAX_ATTACHMENT_BYTES + 512 * 1024;
const MAX_TEXT_PART_BYTES = 1024 * 1024;

export type ParsedAttachmentForm = { formData: FormData; files: UploadedFile[]; oversizedFiles: string[]; textTooLarge: boolean };

/**
 * Reads the multipart post without giving up on the text when a file is too large: an oversized
 * file is drained and named, the other fields are kept so the user gets them back.
 */
export async function readFormWithAttachments(request: Request): Promise<ParsedAttachmentForm> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    return { formData: await request.formData(), files: [], oversizedFiles: [], textTooLarge: false };
  }
  const files: UploadedFile[] = [];
  const oversizedFiles: string[] = [];
  const textHandler = unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_PART_BYTES });
  let textTooLarge = false;
  const handler: UploadHandler = async (part) => {
    if (typeof part.filename !== "string") {
      try {
        return await textHandler(part);
      } catch (error) {
        if (!(error instanceof MaxPartSizeExceededError)) throw error;
        textTooLarge = true;
        for await (const _ of part.data) void _;
        return undefined;
      }
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of part.data) {
      size += chunk.byteLength;
      // Past the count limit only the count matters: keep no bytes in memory.
      if (size <= MAX_FILE_PART_BYTES && files.length < MAX_ATTACHMENTS) chunks.push(chunk);
    }
    if (part.name !== "attachments" || (part.filename === "" && size === 0)) return undefined;
    if (size > MAX_FILE_PART_BYTES) {
      oversizedFiles.push(cleanFileName(part.filename));
      return undefined;
    }
    files.push({ fileName: part.filename, contentType: part.contentType, bytes: Buffer.concat(chunks) });
    return undefined;
  };
  const formData = await unstable_parseMultipartFormData(request, handler);
  return { formData, files, oversizedFiles, textTooLarge };
}
