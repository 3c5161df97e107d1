import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { previewFile } from './server/import/import-file';
const S = '/work/shared/';
const files = [
  'cases/C01/bom_utf8.csv','cases/C01/excel_unicode_text_utf16le.txt','cases/C03/multiline_crlf.csv','cases/C06/surveymonkey_export.csv','cases/C10/blanks.csv','cases/C12/formula_comments.csv',
  'data/survey-exports/qualtrics/qualtRics_sample.csv','data/survey-exports/qualtrics/qualtRics_sample_legacy.csv','data/survey-exports/surveymonkey/ggwash_anc_2022_candidate_questionnaire.csv','data/survey-exports/google-forms/autistica_turing_google_form_responses.csv','data/survey-exports/efs-unipark/napire_pilot_export_2017-09-13.csv','data/survey-exports/xlsx/napire_portuguese_entries_efs_export.xlsx',
  'data/exam-proctoring-two-coders/raw/OnlineProctoringEducatorSurveyResponses.csv','data/exam-proctoring-two-coders/raw/Qualitative_Responses_Q3_Q5.xlsx',
  'data/napire-re-problems-coded/raw/v_277_with_246_total_365_coded.csv','data/napire-re-problems-coded/raw/v_280_with_252_total_296_coded.csv','data/napire-re-problems-coded/raw/v_281_with_254_total_274_coded.csv',
  'data/nhs-fft-patient-feedback/fft_v6_shared_wide.csv',
];
for (const f of files) {
  const t0 = performance.now();
  const p = await previewFile(readFileSync(S + f), { fileName: basename(f) });
  const m = p.proposedMapping;
  console.log(`\n== ${f} ${(performance.now()-t0).toFixed(0)}ms enc=${p.encoding} delim=${JSON.stringify(p.delimiter)} hdr=${p.headerRows} rows=${p.rowCount} cols=${p.columns.length} sheets=${p.sheets.join('/')}`);
  console.log(' cols:', p.columns.slice(0, 14).map(c => `${c.name.slice(0,50)}[${c.kind}]`).join(' | '));
  console.log(' map: id=', m.idColumn, 'group=', JSON.stringify(m.group), 'q=', m.questions?.map(q=>q.column.slice(0,40)).join(' / '), 'closed=', m.closedColumns?.map(c=>c.slice(0,30)).join(' / '), 'codes=', m.codes ? m.codes.format : null, m.layout, m.questionColumn, m.textColumn, JSON.stringify(m.fixedQuestion));
}
