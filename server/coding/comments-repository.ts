import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database';
import {
  comments,
  questions,
  respondentGroups,
  respondents,
} from '../db/schema';

export interface CommentRow {
  id: number;
  projectId: number;
  text: string;
  substantive: boolean;
  question: { id: number; key: string; label: string };
  group: { id: number; name: string } | null;
  respondent: {
    id: number;
    externalId: string;
    attributes: Record<string, unknown>;
  };
}

function asAttributes(value: unknown): Record<string, unknown> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

/** A comment with its question, respondent and group; null when absent. */
export function findComment(db: Db, commentId: number): CommentRow | null {
  const row = db
    .select({
      id: comments.id,
      projectId: comments.projectId,
      text: comments.text,
      substantive: comments.substantive,
      questionId: questions.id,
      questionKey: questions.key,
      questionLabel: questions.label,
      groupId: respondentGroups.id,
      groupName: respondentGroups.name,
      respondentId: respondents.id,
      externalId: respondents.externalId,
      attributes: respondents.attributes,
    })
    .from(comments)
    .innerJoin(questions, eq(questions.id, comments.questionId))
    .innerJoin(respondents, eq(respondents.id, comments.respondentId))
    .leftJoin(respondentGroups, eq(respondentGroups.id, respondents.groupId))
    .where(eq(comments.id, commentId))
    .get();
  if (!row) return null;

  return {
    id: row.id,
    projectId: row.projectId,
    text: row.text,
    substantive: row.substantive,
    question: {
      id: row.questionId,
      key: row.questionKey,
      label: row.questionLabel,
    },
    group:
      row.groupId === null || row.groupName === null
        ? null
        : { id: row.groupId, name: row.groupName },
    respondent: {
      id: row.respondentId,
      externalId: row.externalId,
      attributes: asAttributes(row.attributes),
    },
  };
}
