import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { cleanFileName } from "~/modules/ideas/validate-attachments.server";
import { MAX_STORY_IMAGE_BYTES, NEW_IMAGE_SLOTS } from "./story-vocabulary";
import type { NewStoryImage } from "./validate-story-images.server";

export type StoryFormRequest = {
  formData: FormData;
  images: NewStoryImage[];
  /** Image slots whose file was too large (drained, not kept), with the file's name. */
  oversized: { slot: number; fileName: string }[];
  textTooLarge: boolean;
  hadFiles: boolean;
};

const MAX_FILE_PART_BYTES = MAX_STORY_IMAGE_BYTES + 512 * 1024;
const MAX_TEXT_PART_BYTES = 512 * 1024;

/**
 * Reads the story form (multipart, with up to two new images named newImage0/newImage1 and their
 * alt texts newImageAlt0/newImageAlt1). A file that is too large is drained and named, so the
 * text fields still come back to the user.
 */
export async function readStoryFormRequest(request: Request): Promise<StoryFormRequest> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    return { formData: await request.formData(), images: [], oversized: [], textTooLarge: false, hadFiles: false };
  }
  const files: { slot: number; fileName: string; contentType: string; bytes: Uint8Array }[] = [];
  const oversized: StoryFormRequest["oversized"] = [];
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
      if (size <= MAX_FILE_PART_BYTES) chunks.push(chunk);
    }
    const match = /^newImage(\d)$/.exec(part.name);
    const slot = match ? Number(match[1]) : -1;
    if (slot < 0 || slot >= NEW_IMAGE_SLOTS || (part.filename === "" && size === 0)) return undefined;
    if (size > MAX_FILE_PART_BYTES) oversized.push({ slot, fileName: cleanFileName(part.filename) });
    else files.push({ slot, fileName: part.filename, contentType: part.contentType, bytes: Buffer.concat(chunks) });
    return undefined;
  };
  const formData = await unstable_parseMultipartFormData(request, handler);
  const images = files.map((file) => ({
    fileName: file.fileName,
    contentType: file.contentType,
    bytes: file.bytes,
    altText: String(formData.get(`newImageAlt${file.slot}`) ?? ""),
  }));
  return { formData, images, oversized, textTooLarge, hadFiles: files.length + oversized.length > 0 };
}
