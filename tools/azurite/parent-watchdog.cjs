// Preloaded into Azurite with `node -r` by the test fixture: ends Azurite when the process that started it is gone,
// so a crashed or killed test host leaves no orphan emulator holding ports.
'use strict';
const parent = Number(process.env.AZURITE_PARENT_PID || 0);
if (parent > 0) {
  // Once orphaned, the parent pid changes (to init or a subreaper); comparing avoids trusting a reused pid.
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      process.exit(0);
    }
  }, 500);
  timer.unref();
}
if (process.env.AZURITE_EXIT_ON_STDIN_EOF === '1') {
  // The parent holds our stdin open; the kernel closes it when the parent dies, however it dies.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
