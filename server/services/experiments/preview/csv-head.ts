import { PREVIEW_ROWS } from './limits';

export type TTablePreview = { kind: 'table'; columns: string[]; rows: string[][]; truncated: boolean; totalRows: number | null };

/**
 * The first rows of delimited text (RFC 4180 quoting: quoted fields may hold the delimiter,
 * newlines and doubled quotes). `complete` false means the text is a head of the file: its last,
 * possibly cut, record is dropped.
 */
export function csvHead(text: string, delimiter: ',' | '\t', complete: boolean): TTablePreview {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    field = '';
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  for (; i < text.length && records.length <= PREVIEW_ROWS + 1; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      record.push(field);
      field = '';
    } else if (c === '\n') endRecord();
    else if (c !== '\r') field += c;
  }
  const stoppedEarly = records.length > PREVIEW_ROWS + 1 || i < text.length;
  if (complete && !stoppedEarly && (field !== '' || record.length)) endRecord();
  const [header = [], ...rows] = records;
  return { kind: 'table', columns: header, rows: rows.slice(0, PREVIEW_ROWS), truncated: !complete || stoppedEarly || rows.length > PREVIEW_ROWS, totalRows: null };
}
