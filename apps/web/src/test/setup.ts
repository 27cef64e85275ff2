import '@testing-library/jest-dom';

// jsdom lacks TextEncoder/TextDecoder (react-router uses them) and ResizeObserver
// (Recharts' responsive charts observe their container). Node's own encoders stand in.
const { TextEncoder, TextDecoder } = jest.requireActual<{
  TextEncoder: typeof globalThis.TextEncoder;
  TextDecoder: typeof globalThis.TextDecoder;
}>('node:util');

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

Object.assign(globalThis, { TextEncoder, TextDecoder, ResizeObserver: ResizeObserverStub });
