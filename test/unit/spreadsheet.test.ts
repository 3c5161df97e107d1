import { describe, expect, it } from 'vitest';
import { exportFileName, neutraliseCell } from '../../shared/spreadsheet';

describe('neutraliseCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+44 is the code', "'+44 is the code"],
    ['- fewer meetings\n- shorter forms', "'- fewer meetings\n- shorter forms"],
    ['@school staff', "'@school staff"],
    ['\t=1+2', "'\t=1+2"],
    ['\rline', "'\rline"],
    ['-5', "'-5"],
    ['Cost=time was never explained', 'Cost=time was never explained'],
    [' =1+1', ' =1+1'],
    ["'already quoted", "'already quoted"],
    ['', ''],
    ['Plain text', 'Plain text'],
  ])('%j → %j', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });
});

describe('exportFileName', () => {
  const day = new Date('2024-05-01T12:00:00Z');
  it.each([
    ['POET 2016', 'counts', 'csv', 'poet-2016-counts-2024-05-01.csv'],
    [
      'Café / Ünïcode!',
      'codings-long',
      'xlsx',
      'cafe-unicode-codings-long-2024-05-01.xlsx',
    ],
    ['"; rm -rf', 'counts', 'csv', 'rm-rf-counts-2024-05-01.csv'],
    ['???', 'counts', 'csv', 'project-counts-2024-05-01.csv'],
  ])('%j', (name, what, extension, expected) => {
    expect(exportFileName(name, what, extension, day)).toBe(expected);
  });
});
