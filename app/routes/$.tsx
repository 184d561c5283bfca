/** Any URL no other route claims: a real 404, shown by the root error boundary. */
export function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
