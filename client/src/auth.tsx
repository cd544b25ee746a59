import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import {
  ApiError,
  getMe,
  getToken,
  login,
  logout,
  onUnauthorized,
  setToken,
  type User,
} from './api';

type AuthState =
  | { status: 'checking' }
  | { status: 'signed-in'; user: User }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'error'; message: string };

interface AuthContextValue {
  state: AuthState;
  signIn(email: string, password: string): Promise<void>;
  /** Resolves once the server has ended the session (or could not be reached). */
  signOut(): Promise<void>;
  retry(): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() =>
    getToken() ? { status: 'checking' } : { status: 'signed-out', expired: false },
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => onUnauthorized(() => setState({ status: 'signed-out', expired: true })), []);

  useEffect(() => {
    if (!getToken()) return;
    const controller = new AbortController();
    getMe(controller.signal).then(
      (user) => setState({ status: 'signed-in', user }),
      (error: unknown) => {
        if (controller.signal.aborted || (error instanceof ApiError && error.status === 401))
          return;
        setState({ status: 'error', message: (error as Error).message });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const signIn = useCallback(async (email: string, password: string) => {
    const { token, user } = await login(email, password);
    setToken(token);
    setState({ status: 'signed-in', user });
  }, []);

  const signOut = useCallback(async () => {
    await logout();
    setState({ status: 'signed-out', expired: false });
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'checking' });
    setAttempt((n) => n + 1);
  }, []);

  return (
    <AuthContext.Provider value={{ state, signIn, signOut, retry }}>
      {children}
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
