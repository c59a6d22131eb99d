// Entry point of the page. video.js must not inject inline <style> (our CSP forbids it): its CSS
// is bundled instead, and the flag below is read when video.js loads.
import './styles/no-dynamic-video-style';
import 'video.js/dist/video-js.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StartupGate } from './startup/startup-gate';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StartupGate />
  </StrictMode>,
);
