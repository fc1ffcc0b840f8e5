import { useEffect, useMemo, useState } from "react";
import { Provider } from "urql";
import { createShowroomClient, storeApiKey, storedApiKey } from "./client.js";
import { OutageProvider } from "./outage.js";
import { StockListView } from "./stock-list.js";
import { VehiclePageView } from "./vehicle-page.js";

/**
 * The shell: the client (rebuilt when the key changes), the outage banner, a settings panel for
 * the client key, and two views chosen by the URL's hash (#/ and #/vehicles/<id>), so any page
 * can be bookmarked and the gateway serves one file.
 */

function routeOf(hash: string): { vehicleId?: string } {
  const match = /^#\/vehicles\/(.+)$/.exec(hash);
  return match?.[1] ? { vehicleId: decodeURIComponent(match[1]) } : {};
}

export function App() {
  const [apiKey, setApiKey] = useState(storedApiKey);
  const [draft, setDraft] = useState(apiKey);
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  const showroom = useMemo(() => createShowroomClient(apiKey), [apiKey]);
  useEffect(() => () => showroom.dispose(), [showroom]);
  useEffect(() => {
    const onHash = () => setRoute(routeOf(window.location.hash));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const go = (hash: string) => {
    window.location.hash = hash;
  };

  return (
    <Provider value={showroom.client}>
      <header className="top">
        <a href="#/" className="brand">
          Forecourt showroom
        </a>
        <details className="settings">
          <summary>Settings</summary>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              storeApiKey(draft.trim());
              setApiKey(draft.trim());
            }}
          >
            <label>
              Client key{" "}
              <input
                name="apiKey"
                type="password"
                autoComplete="off"
                value={draft}
                placeholder="none: an open gateway"
                onChange={(event) => setDraft(event.target.value)}
              />
            </label>
            <button type="submit">Save</button>
          </form>
          <p>
            <a href="/graphql">GraphiQL</a> · the API this page uses
          </p>
        </details>
      </header>
      <OutageProvider>
        <main>
          {route.vehicleId ? (
            <VehiclePageView
              key={route.vehicleId}
              vehicleId={route.vehicleId}
              back={() => go("#/")}
            />
          ) : (
            <StockListView
              open={(vehicleId) => go(`#/vehicles/${encodeURIComponent(vehicleId)}`)}
            />
          )}
        </main>
      </OutageProvider>
    </Provider>
  );
}
