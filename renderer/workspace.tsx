import { createContext, useContext } from 'react';
import type { Area } from './navigation.js';
import type { DraftContent } from './catalogue.js';

/** The document a new interpretation is written for (the "new interpretation" button on a document). */
export interface InterpretTarget {
  itemId: string;
  title: string;
  /** Whoever drafts a document interprets it: the document's lead unit, else its drafting unit. */
  draftingUnit: string;
}

/** What the drafts area shows in its editor: a new item, or an existing edition; optionally with autosaved content restored. */
export type EditorTarget =
  | { kind: 'new'; categoryId: string; restored?: DraftContent; interpret?: InterpretTarget }
  | { kind: 'edition'; editionId: string; restored?: DraftContent };

export interface OpenEditor {
  target: EditorTarget;
  /** Changes on every open, so opening the same edition again starts a fresh editor. */
  key: number;
}

interface WorkspaceValue {
  area: Area;
  goTo(area: Area): void;
  /** The editor open in the drafts area, if any. */
  editor: OpenEditor | null;
  /** Opens the editor in the drafts area, from anywhere in the workspace. */
  openEditor(target: EditorTarget): void;
  /** Back to the drafts list. */
  closeEditor(): void;
}

export const WorkspaceContext = createContext<WorkspaceValue | null>(null);

export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace must be used inside the workspace');
  return value;
}
