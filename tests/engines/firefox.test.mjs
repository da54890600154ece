// The engine suite (suite.mjs) in Firefox ESR through geckodriver, headless.
import { engineSuite } from './suite.mjs';

engineSuite('firefox');
