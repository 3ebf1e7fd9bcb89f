import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { createEngine } from '../engine/engine';
import { startDesktopApp } from './desktop-app';

// The entry point only hands the real `electron` module to the wiring, which tests drive with a fake.
startDesktopApp({
  electron: { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session },
  createEngine,
  mainDir: __dirname,
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  runtime: {
    abi: process.versions.modules,
    electronVersion: process.versions.electron,
    arch: process.arch,
  },
});
