import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";

/** "Følg" / "Slutt å følge": a plain POST to /ideer/<id>/folg. */
export function FollowSection({ publicId, following }: { publicId: string; following: boolean }) {
  const { t } = useTranslation("cocreation");
  return (
    <section id="follow" aria-labelledby="follow-heading" className="mt-8">
      <h2 id="follow-heading" className="text-2xl font-bold">
        {t("follow.heading")}
      </h2>
      <p className="mt-2" id="follow-state">
        {following ? t("follow.following") : t("follow.notFollowing")}
      </p>
      <Form method="post" action={`/ideer/${encodeURIComponent(publicId)}/folg`} className="mt-2" preventScrollReset>
        <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
        <button type="submit" className={following ? secondaryButtonClass : primaryButtonClass} aria-describedby="follow-state">
          {following ? t("follow.unfollow") : t("follow.follow")}
        </button>
      </Form>
    </section>
  );
}
