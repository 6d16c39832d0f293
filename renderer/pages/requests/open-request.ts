/**
 * A request to open when the requests area next mounts (the dashboard links to a request in
 * another area). Read once, then cleared.
 */
let pending: string | null = null;

export function openRequestLater(requestId: string): void {
  pending = requestId;
}

export function takePendingRequest(): string | null {
  const id = pending;
  pending = null;
  return id;
}
