from kla_cli.entry import main

main()
