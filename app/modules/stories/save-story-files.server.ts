import { getFileStorage } from "~/modules/storage/file-storage.server";
import type { FileStorage } from "~/modules/storage/file-storage-port.server";
import { storyErrorFromDatabase } from "./write-story-content.server";

/**
 * Runs a story write with its files: nothing half-saved. Files stored for a transaction that did
 * not commit are deleted again; files of removed images are deleted only after the commit.
 */
export async function withStoryFiles<T>(work: (files: { storage: FileStorage; storedKeys: string[]; removedKeys: string[] }) => Promise<T>): Promise<T> {
  const storage = getFileStorage();
  const storedKeys: string[] = [];
  const removedKeys: string[] = [];
  let result: T;
  try {
    result = await work({ storage, storedKeys, removedKeys });
  } catch (error) {
    await Promise.all(storedKeys.map((key) => storage.delete(key).catch(() => {})));
    throw storyErrorFromDatabase(error) ?? error;
  }
  await Promise.all(removedKeys.map((key) => storage.delete(key).catch(() => {})));
  return result;
}
