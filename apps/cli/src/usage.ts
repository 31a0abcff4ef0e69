export const usage = `Usage:
  wallpaperdb import <folder|file>... [--url <url>] [--api-key <key>] [--concurrency <n>] [--json]
  wallpaperdb login [--url <url>] [--email <email>] [--password-stdin]
  wallpaperdb logout

import   Uploads every image and video under the folders. Files already stored (same SHA-256) are
         recognised without sending their bytes. Each added file is printed with its link.
login    Signs in with your email and password, creates an API key named after this machine and
         stores it (mode 0600) in $XDG_CONFIG_HOME/wallpaperdb/credentials.json, with the URL.
logout   Revokes the stored key on the server and deletes the file.

Options:
  --url <url>          server base URL (default $WALLPAPERDB_URL, else the URL of the stored login,
                       else http://localhost:3000)
  --api-key <key>      API key (default $WALLPAPERDB_API_KEY, else the stored login's key)
  --concurrency <n>    files in flight at once, 1-64 (default 3)
  --json               print one JSON document on stdout (every file's outcome and the summary)
                       instead of the text summary; progress stays on stderr
  --email <email>      login: the account's email (default $WALLPAPERDB_EMAIL, else asked)
  --password-stdin     login: read the password from stdin (else $WALLPAPERDB_PASSWORD, else asked)
  -h, --help           show this help

Exit status:
  0  every file was added, already there, or skipped (unsupported type, broken link, unreadable,
     too big, rejected by the server); login/logout succeeded
  1  some file could not be sent (network or server failure mid-run, a rate limit outlasting the
     waits); listed under "failed"
  2  bad usage, or a folder or file named on the command line that cannot be read
  3  no API key, or the server refused it (login: wrong email or password); nothing more was sent
  4  the server cannot be reached at that URL, or is not a WallpaperDB server
`;
