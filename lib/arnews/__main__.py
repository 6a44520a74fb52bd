from arnews.cli import main

raise SystemExit(main())
