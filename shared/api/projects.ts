/**
 * Request and response shapes of the projects routes, shared with the
 * client so both sides agree on them.
 */
import { Type, type Static } from 'typebox';

/** Every error reply: a stable code, a plain sentence, and details. */
export const ErrorReply = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Unknown(),
});
export type ErrorReply = Static<typeof ErrorReply>;

export const Me = Type.Object({
  coder: Type.Object({ id: Type.Integer(), name: Type.String() }),
});
export type Me = Static<typeof Me>;

export const ProjectIdParams = Type.Object({
  projectId: Type.Integer({ minimum: 1 }),
});

export const ProjectSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  createdAt: Type.String(),
  respondents: Type.Integer(),
  comments: Type.Integer(),
  /** Comments with at least one coding or a final coding. */
  codedComments: Type.Integer(),
});
export type ProjectSummary = Static<typeof ProjectSummary>;

export const StarterCodebookIdSchema = Type.Union([
  Type.Literal('parents'),
  Type.Literal('practitioners'),
]);

const ProjectName = Type.String({ minLength: 1, maxLength: 200 });

export const CreateProjectBody = Type.Object(
  {
    name: ProjectName,
    starterCodebook: Type.Optional(
      Type.Union([StarterCodebookIdSchema, Type.Null()]),
    ),
  },
  { additionalProperties: false },
);
export type CreateProjectBody = Static<typeof CreateProjectBody>;

export const ProjectSettings = Type.Object({
  placeholders: Type.Array(Type.String()),
});
export type ProjectSettings = Static<typeof ProjectSettings>;

export const ProjectDetail = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  createdAt: Type.String(),
  settings: ProjectSettings,
  groups: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      respondents: Type.Integer(),
    }),
  ),
  questions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      key: Type.String(),
      label: Type.String(),
      kind: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
      comments: Type.Integer(),
    }),
  ),
  /** Respondent attributes with their distinct values (at most 200). */
  attributes: Type.Array(
    Type.Object({ name: Type.String(), values: Type.Array(Type.String()) }),
  ),
  coders: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      kind: Type.Union([Type.Literal('person'), Type.Literal('import')]),
      codings: Type.Integer(),
    }),
  ),
});
export type ProjectDetail = Static<typeof ProjectDetail>;

export const UpdateProjectBody = Type.Object(
  {
    name: Type.Optional(ProjectName),
    placeholders: Type.Optional(
      Type.Array(Type.String({ maxLength: 200 }), { maxItems: 1000 }),
    ),
  },
  { additionalProperties: false },
);
export type UpdateProjectBody = Static<typeof UpdateProjectBody>;
