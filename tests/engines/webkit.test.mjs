// The engine suite (suite.mjs) in WebKitGTK's MiniBrowser through WebKitWebDriver, under Xvfb.
import { engineSuite } from './suite.mjs';

engineSuite('webkit');
