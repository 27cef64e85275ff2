export type Role = 'admin' | 'analyst' | 'viewer';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: { id: number; email: string; role: Role; departments: string[] };
}
