import './workers';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { EXAMPLES } from './examples';

// The page is served at <prefix>/playground and at <prefix>/graphql, so the endpoint is
// always "graphql" next to it: the playground works behind any path prefix.
const fetcher = createGraphiQLFetcher({ url: new URL('graphql', document.baseURI).href });

// GraphiQL fills the editors of the first tab from the initial* props, not from its tab definition.
createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={EXAMPLES}
    initialQuery={EXAMPLES[0].query}
    initialVariables={EXAMPLES[0].variables}
    defaultEditorToolsVisibility="variables"
  />,
);
