/* global Office */
import { registerCommands } from "./commands";

void Office.onReady(registerCommands);
