// Where the comments of a file are, as offsets: a suppression directive counts only at the start
// of a real comment of the file's language, never in a string, a template literal or a value.

export interface CommentRange {
  start: number;
  end: number;
}
