import { readMultipartForm } from "~/modules/storage/read-multipart-form.server";
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

const slotOf = (fieldName: string) => {
  const match = /^newImage(\d)$/.exec(fieldName);
  const slot = match ? Number(match[1]) : -1;
  return slot < NEW_IMAGE_SLOTS ? slot : -1;
};

/**
 * Reads the story form (multipart, with up to two new images named newImage0/newImage1 and their
 * alt texts newImageAlt0/newImageAlt1). A file that is too large is drained and named, so the
 * text fields still come back to the user.
 */
export async function readStoryFormRequest(request: Request): Promise<StoryFormRequest> {
  const form = await readMultipartForm(request, {
    maxTextPartBytes: 512 * 1024,
    maxFileBytes: MAX_STORY_IMAGE_BYTES + 512 * 1024,
    acceptsFile: (name) => slotOf(name) >= 0,
  });
  const images = form.files.map((file) => ({
    fileName: file.fileName,
    contentType: file.contentType,
    bytes: file.bytes,
    altText: String(form.formData.get(`newImageAlt${slotOf(file.fieldName)}`) ?? ""),
  }));
  const oversized = form.oversized.map((f) => ({ slot: slotOf(f.fieldName), fileName: f.fileName }));
  return { formData: form.formData, images, oversized, textTooLarge: form.textTooLarge, hadFiles: images.length + oversized.length > 0 };
}
