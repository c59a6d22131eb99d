// Imported before video.js: tells it not to add an inline <style> element (blocked by our CSP).
(window as unknown as { VIDEOJS_NO_DYNAMIC_STYLE: boolean }).VIDEOJS_NO_DYNAMIC_STYLE = true;
export {};
