/**
 * Request and response shapes of the codebook routes (themes, merge,
 * delete, CSV import and the starter codebooks), shared with the client.
 */
import { Type, type Static } from 'typebox';
import { StarterCodebookIdSchema } from './projects';

export const ThemeIdParams = Type.Object({
  themeId: Type.Integer({ minimum: 1 }),
});

/** How much a theme is used: what deleting it would touch. */
export const ThemeUsage = Type.Object({
  codings: Type.Integer(),
  /** Distinct comments among those codings and final codings. */
  comments: Type.Integer(),
  finalCodings: Type.Integer(),
});
export type ThemeUsage = Static<typeof ThemeUsage>;

export const Theme = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  definition: Type.String(),
  keywords: Type.Array(Type.String()),
  colour: Type.String(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  /** Null: the theme applies to every respondent group. */
  groupIds: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
  archived: Type.Boolean(),
  position: Type.Integer(),
  usage: ThemeUsage,
});
export type Theme = Static<typeof Theme>;

export const ListThemesQuery = Type.Object({
  includeArchived: Type.Optional(Type.Boolean()),
});

const ThemeName = Type.String({ minLength: 1, maxLength: 200 });
const Colour = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' });
const Keywords = Type.Array(Type.String({ maxLength: 200 }), {
  maxItems: 500,
});
const NullableId = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]);
const GroupIds = Type.Union([
  Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 }),
  Type.Null(),
]);

export const CreateThemeBody = Type.Object(
  {
    name: ThemeName,
    definition: Type.Optional(Type.String({ maxLength: 5000 })),
    keywords: Type.Optional(Keywords),
    colour: Type.Optional(Colour),
    parentId: Type.Optional(NullableId),
    groupIds: Type.Optional(GroupIds),
  },
  { additionalProperties: false },
);
export type CreateThemeBody = Static<typeof CreateThemeBody>;

export const UpdateThemeBody = Type.Object(
  {
    name: Type.Optional(ThemeName),
    definition: Type.Optional(Type.String({ maxLength: 5000 })),
    keywords: Type.Optional(Keywords),
    colour: Type.Optional(Colour),
    parentId: Type.Optional(NullableId),
    groupIds: Type.Optional(GroupIds),
    archived: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type UpdateThemeBody = Static<typeof UpdateThemeBody>;

export const MergeThemeBody = Type.Object({
  intoThemeId: Type.Integer({ minimum: 1 }),
});

export const MergeResult = Type.Object({
  /** The theme merged into, as it is now. */
  theme: Theme,
  /** Codings and final codings that changed. */
  codings: Type.Integer(),
  finalCodings: Type.Integer(),
});
export type MergeResult = Static<typeof MergeResult>;

export const DeleteThemeQuery = Type.Object({
  /** Confirmed: remove the theme from every coding that uses it. */
  force: Type.Optional(Type.Boolean()),
});

export const StarterCodebookSchema = Type.Object({
  id: StarterCodebookIdSchema,
  name: Type.String(),
  themes: Type.Array(
    Type.Object({
      name: Type.String(),
      definition: Type.String(),
      keywords: Type.Array(Type.String()),
    }),
  ),
});

export const AddStarterBody = Type.Object({
  starter: StarterCodebookIdSchema,
});

export const AddStarterResult = Type.Object({
  added: Type.Integer(),
  /** Names skipped because the codebook already had them. */
  skipped: Type.Array(Type.String()),
});
export type AddStarterResult = Static<typeof AddStarterResult>;

export const CodebookImportResult = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
});
export type CodebookImportResult = Static<typeof CodebookImportResult>;
