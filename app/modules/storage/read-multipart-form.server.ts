import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { cleanFileName } from "~/modules/ideas/validate-attachments.server";

export type ReceivedFile = { fieldName: string; fileName: string; contentType: string; bytes: Uint8Array };

export type MultipartForm = {
  formData: FormData;
  /** Files of the accepted fields, in the order they came; empty file inputs are left out. */
  files: ReceivedFile[];
  /** Files over the size limit: drained, not kept, named so the user can be told which. */
  oversized: { fieldName: string; fileName: string }[];
  /** A text field was over its limit (it is left out of formData). */
  textTooLarge: boolean;
};

export type MultipartLimits = {
  maxTextPartBytes: number;
  /** Files a little larger are still read to the end and reported as oversized, never kept. */
  maxFileBytes: number;
  /** Which file fields the form has; files under any other name are drained and ignored. */
  acceptsFile: (fieldName: string) => boolean;
  /** Past this many files only their count matters: their bytes are not kept. */
  maxFiles?: number;
};

/**
 * Reads a form post without giving up on its text when a file is too large: an oversized file is
 * drained and named, the other fields are kept so the user gets them back. A post that is not
 * multipart is read as an ordinary form.
 */
export async function readMultipartForm(request: Request, limits: MultipartLimits): Promise<MultipartForm> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    return { formData: await request.formData(), files: [], oversized: [], textTooLarge: false };
  }
  const files: ReceivedFile[] = [];
  const oversized: MultipartForm["oversized"] = [];
  const textHandler = unstable_createMemoryUploadHandler({ maxPartSize: limits.maxTextPartBytes });
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
    const accepted = limits.acceptsFile(part.name);
    const keepBytes = accepted && files.length < (limits.maxFiles ?? Infinity);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of part.data) {
      size += chunk.byteLength;
      if (keepBytes && size <= limits.maxFileBytes) chunks.push(chunk);
    }
    if (!accepted || (part.filename === "" && size === 0)) return undefined;
    if (size > limits.maxFileBytes) oversized.push({ fieldName: part.name, fileName: cleanFileName(part.filename) });
    else files.push({ fieldName: part.name, fileName: part.filename, contentType: part.contentType, bytes: Buffer.concat(chunks) });
    return undefined;
  };
  const formData = await unstable_parseMultipartFormData(request, handler);
  return { formData, files, oversized, textTooLarge };
}
