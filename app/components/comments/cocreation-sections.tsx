import type { CocreationData } from "./cocreation-data.server";
import { CommentsSection } from "./comments-section";
import { FollowSection } from "./follow-section";
import { SameNeedSection } from "./same-need-section";

/** Same need, follow and comments: the co-creation part of the idea page. */
export function CocreationSections({ data }: { data: CocreationData }) {
  return (
    <>
      <SameNeedSection data={data} />
      <FollowSection publicId={data.publicId} following={data.following} />
      <CommentsSection data={data} />
    </>
  );
}
