// ESLint flat config: typescript-eslint's recommended rules on src, test and scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'dist-vsix/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // src/model, src/requests, src/aws, src/commands/model and src/tree/model run in plain Node (unit and contract tests) and never see the vscode API,
    // not even its types. (dependency-cruiser cannot see 'vscode': it resolves to no package file.)
    files: ['src/model/**/*.ts', 'src/requests/**/*.ts', 'src/aws/**/*.ts', 'src/commands/model/**/*.ts', 'src/tree/model/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message:
                'src/model, src/requests, src/aws, src/commands/model and src/tree/model are vscode-free: pass what they need in from src/extension, src/tree or src/commands.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        fetch: 'readonly',
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        performance: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
