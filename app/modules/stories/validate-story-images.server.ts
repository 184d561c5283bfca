import { cleanFileName, validateAttachments, type UploadedFile } from "~/modules/ideas/validate-attachments.server";
import { AppError, isAppError } from "~/utils/app-error";
import { characterCount } from "~/utils/character-count";
import { MAX_STORY_IMAGE_BYTES, STORY_IMAGE_TYPES } from "./story-vocabulary";

export type NewStoryImage = UploadedFile & { altText: string };
export type ValidStoryImage = { fileName: string; bytes: Uint8Array; contentType: (typeof STORY_IMAGE_TYPES)[number]; altText: string };

/**
 * Images for a story: JPEG, PNG or WebP by their first bytes (the browser's type is only a claim),
 * at most 5 MB, each with a text alternative. Throws AppError('story_image_*') naming the file.
 */
export function validateStoryImages(images: NewStoryImage[]): ValidStoryImage[] {
  return images.map((image) => {
    const fileName = cleanFileName(image.fileName);
    if (image.bytes.byteLength > MAX_STORY_IMAGE_BYTES) {
      throw new AppError("story_image_too_large", { fileName, maxMb: MAX_STORY_IMAGE_BYTES / 1024 / 1024 });
    }
    let sniffed: string;
    try {
      sniffed = validateAttachments([image])[0]!.contentType;
    } catch (error) {
      if (isAppError(error) && error.code === "attachment_empty") throw new AppError("story_image_empty", { fileName });
      throw new AppError("story_image_wrong_type", { fileName });
    }
    if (!(STORY_IMAGE_TYPES as readonly string[]).includes(sniffed)) throw new AppError("story_image_wrong_type", { fileName });
    const altText = image.altText.trim();
    if (characterCount(altText) < 3 || altText.length > 300) throw new AppError("story_image_alt_required", { fileName });
    return { fileName, bytes: image.bytes, contentType: sniffed as ValidStoryImage["contentType"], altText };
  });
}
