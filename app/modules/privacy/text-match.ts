/** A piece of personal data found in a text. `start`/`end` are UTF-16 offsets (String#slice). */
export type TextMatch = {
  start: number;
  end: number;
  /** Safe to show and log: never the whole number or address. */
  masked: string;
};
