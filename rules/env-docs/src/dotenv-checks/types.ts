// The shape shared by valid-dotenv's checks: what a check reads and how it reports.
import type { DotenvSource, ReportDescriptor, SourceFileInfo } from "@deploylint/core/rule-api";
import type { ValidDotenvMessageId, ValidDotenvMessages } from "../rules/valid-dotenv.js";

export interface CheckInput {
  source: DotenvSource;
  file: SourceFileInfo;
}

export type Report = (descriptor: ReportDescriptor<ValidDotenvMessages>) => void;

/** One dotenv-linter check; it reports only its own message id, so `skip` can turn it off. */
export interface DotenvCheck {
  id: ValidDotenvMessageId;
  /**
   * A style check: the file still loads the same everywhere, so it runs only with the rule's
   * `style` option (the strict preset), never by default.
   */
  style?: true;
  run(input: CheckInput, report: Report): void;
}
