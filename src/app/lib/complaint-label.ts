import type { Complaint } from "../../domain/complaint";
import type { DraftAnswers } from "../../domain/draft";
import { defaultLabelParts, type LabelParts } from "../../domain/draft-label";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A name in words from its parts ("J.R.: a decision"), or undefined when there is nothing to go on. */
export function labelFromParts(parts: LabelParts, t: Translate): string | undefined {
  const topic = parts.topic ? t(`drafts:topicShort.${parts.topic}`) : undefined;
  if (parts.initials && topic) return t("drafts:defaultLabel.initialsAndTopic", { initials: parts.initials, topic });
  if (parts.initials) return t("drafts:defaultLabel.initials", { initials: parts.initials });
  if (topic) return t("drafts:defaultLabel.topic", { topic });
  return undefined;
}

/** A draft's name: the one the person chose, else one made from the answers (initials and topic, never a full name). */
export function draftLabel(chosen: string | undefined, answers: DraftAnswers, t: Translate): string | undefined {
  return chosen || labelFromParts(defaultLabelParts(answers), t);
}

/** The same name for a complaint being sent, from the draft's chosen name or the complaint's answers. */
export function complaintLabel(chosen: string | undefined, complaint: Complaint, t: Translate): string | undefined {
  return chosen || labelFromParts(defaultLabelParts({ childName: complaint.child?.name, topics: complaint.eligibility?.topics }), t);
}
