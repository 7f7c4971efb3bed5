/** Test hook (route #/__crash): throws while rendering, to prove the area error boundary. */
export default function CrashTestPage(): never {
  throw new Error('Deliberate crash for testing the area error boundary');
}
