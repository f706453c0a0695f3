import type { KeyboardEvent } from "react";

/** What {@link blocksImplicitSubmit} needs of a key press: plain data, so the rule is testable without a DOM. */
export interface EnterPress {
  key: string;
  /** An IME is composing (Enter confirms the conversion, as in 株式会社 typed in kana). */
  isComposing: boolean;
  /** The element the key was pressed in: its tag name (upper case, as the DOM gives it) and `type`. */
  tagName: string;
  type: string;
}

/** Input types whose Enter means "press this button": those still submit. */
const BUTTON_TYPES = new Set(["submit", "button", "reset", "image"]);

/**
 * Whether to cancel the browser's implicit submission for this key press. In a long form (a vendor
 * with a dozen fields, a 15-question review) Enter in a single-line field would save the record
 * half-filled, so only the save button submits: Enter in any `<input>` that is not a button is
 * cancelled. A list input handles Enter itself first (it adds the item). Enter that confirms an IME
 * conversion is left alone, and so are text areas (a new line) and buttons.
 */
export function blocksImplicitSubmit(p: EnterPress): boolean {
  if (p.key !== "Enter" || p.isComposing) return false;
  return p.tagName === "INPUT" && !BUTTON_TYPES.has(p.type.toLowerCase());
}

/** A `onKeyDown` for a container of form fields that applies {@link blocksImplicitSubmit}. */
export function guardEnter(e: KeyboardEvent<HTMLElement>): void {
  const target = e.target as Partial<HTMLInputElement>;
  const press = { key: e.key, isComposing: e.nativeEvent.isComposing, tagName: target.tagName ?? "", type: target.type ?? "" };
  if (blocksImplicitSubmit(press)) e.preventDefault();
}
