import { z } from "zod";

export const FollowIntentSchema = z.object({ intent: z.enum(["follow", "unfollow"]) });
