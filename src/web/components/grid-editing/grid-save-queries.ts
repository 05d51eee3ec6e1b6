import { useMutation } from '@tanstack/react-query';

/** What a grid does around the save of its changed cells (all of them, or one row's). */
export type CellsSave<R> = {
  /** Sends the changed cells (the row's when given) in one request. */
  send: (row: string | undefined) => Promise<R>;
  onStart: (row: string | undefined) => void;
  onSaved: (result: R, row: string | undefined) => void;
  onFailed: (error: unknown, row: string | undefined) => void;
};

/** The save of a grid's changed cells, with its state (pending, the row being saved, the error). */
export function useCellsSave<R>(save: CellsSave<R>) {
  return useMutation({
    mutationFn: ({ row }: { row?: string }) => save.send(row),
    onMutate: ({ row }) => save.onStart(row),
    onSuccess: (result, { row }) => save.onSaved(result, row),
    onError: (e, { row }) => save.onFailed(e, row),
  });
}
