// Types of the JSON API, from the TypeBox schemas in shared/api, under the
// names the client uses.

export type {
  ProjectSummary,
  ProjectDetail,
} from '../../../shared/api/projects';
export type {
  Mapping as ImportMapping,
  Preview as ImportPreview,
  PreviewColumn,
  ImportReport,
  ImportProgress,
} from '../../../shared/api/import';
export type {
  Theme,
  ThemeUsage,
  CreateThemeBody as ThemeInput,
} from '../../../shared/api/codebook';
export type {
  CountsReply as ReportCounts,
  CountBase as BaseCounts,
  ReportComment,
  ReportCommentsReply,
} from '../../../shared/api/report';
export type {
  QueueReply as Queue,
  Coding,
  CommentDetail,
} from '../../../shared/api/coding';
export type {
  KeywordMatch as Match,
  Suggestion,
} from '../../../shared/api/suggest';
import type { ProjectDetail } from '../../../shared/api/projects';

export type StarterId = 'parents' | 'practitioners';
export type Group = ProjectDetail['groups'][number];
export type Question = ProjectDetail['questions'][number];

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export interface FileProblem {
  file: string;
  row?: number;
  column?: string;
  message: string;
}

export interface StarterCodebook {
  id: StarterId;
  name: string;
  themes: { name: string; definition: string; keywords: string[] }[];
}
