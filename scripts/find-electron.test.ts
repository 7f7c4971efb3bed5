import { describe, expect, it } from 'vitest';
import { displayProblem, findElectron } from './find-electron.mjs';

describe('displayProblem', () => {
  it('needs an X or Wayland display on Linux only', () => {
    expect(displayProblem({}, 'linux')).toMatch(/xvfb-run/);
    expect(displayProblem({ DISPLAY: ':99' }, 'linux')).toBeNull();
    expect(displayProblem({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(displayProblem({}, 'win32')).toBeNull();
    expect(displayProblem({}, 'darwin')).toBeNull();
  });
});

describe('findElectron', () => {
  it('either finds a binary that reports its version or says why not', () => {
    const probe = findElectron();
    if (probe.ok) expect(probe.version).toMatch(/^v\d+\./);
    else expect(probe.reason.length).toBeGreaterThan(10);
  });
});
