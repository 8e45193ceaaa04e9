import { useState } from 'react';

/**
 * The text of a field whose value lives in the editor's store. What the user types is kept while
 * it still means the stored value ("1." for 1, "a, b," for [a, b]), so typing is never
 * overwritten; when the value changes from elsewhere (undo, redo) the field shows it at once,
 * without being reopened.
 * `formatted`: the stored value as text; `means(text)`: whether a text stands for that value.
 */
export function useDraftText(formatted: string, means: (text: string) => boolean): [string, (text: string) => void] {
  const [text, setText] = useState(formatted);
  const [seen, setSeen] = useState(formatted);
  if (seen !== formatted) {
    // adjusting state while rendering (React's way for state derived from props): no stale frame
    setSeen(formatted);
    if (!means(text)) setText(formatted);
  }
  return [text, setText];
}
