export function App() {
  return (
    <main>
      <h1>Verbatim</h1>
    </main>
  );
}
