namespace NeuralVision.Tools.Tests.Keys;

/// <summary>
/// Keys written by OpenSSH 9.2p1's ssh-keygen (Debian 12), kept as text so the unit tests need no ssh-keygen. The
/// encrypted ones use the passphrase <see cref="Passphrase"/> and 8 bcrypt rounds (-a 8) to keep the tests quick;
/// <c>*Randomart</c> is what `ssh-keygen -lv -f KEY.pub` printed.
/// </summary>
internal static class KeyFixtures
{
    public const string Passphrase = "correct horse";

    public const string Ed25519PlainPrivateKey = """
        -----BEGIN OPENSSH PRIVATE KEY-----
        b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
        QyNTUxOQAAACAi69CxH7RzN3moxHMdUqwgQRhjWhA50hn3lGDJ1xAL0AAAAJDhOAgK4TgI
        CgAAAAtzc2gtZWQyNTUxOQAAACAi69CxH7RzN3moxHMdUqwgQRhjWhA50hn3lGDJ1xAL0A
        AAAEBKtwITJEVc94RqAwXDKgmsGApK2IvBnddVcERAzBM11SLr0LEftHM3eajEcx1SrCBB
        GGNaEDnSGfeUYMnXEAvQAAAAC2ZpeHR1cmVAbnZ0AQI=
        -----END OPENSSH PRIVATE KEY-----
        """;

    public const string Ed25519PlainPublicKey = """
        ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICLr0LEftHM3eajEcx1SrCBBGGNaEDnSGfeUYMnXEAvQ fixture@nvt
        """;

    public const string Ed25519PlainRandomart = """
        256 SHA256:Z/eNyjmBnnUoWbxC0EsM+R3oFbre9rSkHGCH7y57aHc fixture@nvt (ED25519)
        +--[ED25519 256]--+
        |        .= ...   |
        |        o =.o    |
        |         =.= .   |
        |          =o+    |
        |        S.B+oo   |
        |         ==*=..o |
        |         ..*=o= .|
        |          *=+OE. |
        |         ..*Ooo  |
        +----[SHA256]-----+
        """;

    public const string Ed25519EncryptedPrivateKey = """
        -----BEGIN OPENSSH PRIVATE KEY-----
        b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABBNCjwHSo
        68UdR3ytENlyyXAAAACAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIDoWepcHNIZlFGGZ
        x839BXZjTolKDu1hhpe8pcZ2xZTiAAAAoIqYaSQdYKcHjymh//H0K03yjmA3a5Cx9xaf9I
        Ivr3VV262ikiVarYYgBpQ3h5nPKSgBLv97QP8GhRpS0BZ7i0Ga2UVkVnQLbDJjXSKvCDtI
        1MpJzkDkHxV/3PintWiSDyqu6bXzUoxAnY4mF+8UU0f7K3t5Gy4hW9hOFC1kTYkoX3B88+
        W+7ZQ4eBmAbpR62chKDgWc1ZIEVD8mgJj/1zI=
        -----END OPENSSH PRIVATE KEY-----
        """;

    public const string Ed25519EncryptedPublicKey = """
        ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDoWepcHNIZlFGGZx839BXZjTolKDu1hhpe8pcZ2xZTi encrypted fixture
        """;

    public const string Ed25519EncryptedRandomart = """
        256 SHA256:IAe9pNORJoRegqGbelQB1hi338UowN1ZEWeyt8bo+rM encrypted fixture (ED25519)
        +--[ED25519 256]--+
        |.o+O*o o o=oo    |
        |o.+.==B oo =     |
        |.. o+*+o. + .    |
        | o..o+o+ . + .   |
        |o .  .. S . +    |
        |..       . .     |
        |. .       .      |
        | .       ..      |
        |        ..Eo     |
        +----[SHA256]-----+
        """;

    public const string Rsa2048EncryptedPrivateKey = """
        -----BEGIN OPENSSH PRIVATE KEY-----
        b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABDMkSW7Oz
        yy8grfMms90kEqAAAACAAAAAEAAAEXAAAAB3NzaC1yc2EAAAADAQABAAABAQCtymzmKm/p
        YZryb3qE9tmMudMQveK9Mg+umySVw/TU5kcJokb7aSpAlLnbmQlsGvox7R0pq9aParQfTs
        TcF4SzPGI4xys9JOqv8/XVJdfx+2QnxszUPQKKB1KHaZcwinU872V6duR0q1rUtLI9+mSp
        VM4QeFEI/5kB2BkclNpx5DdoCAHGSrJZscoGKRE/Sl3gISkEbSYW6i6etwkllIz0qi77YR
        gcKQIMb1NL79EJbM+X9NewiANxPZJ9sBzEwfghJ4fvL7t+DGZCs5lfUGphAx3XNgPt+wFl
        mG0Nd6ph4feBptRWgH28J+um/AwmIqtlovAElwHVLWD3HRezD4SNAAADwI9LK6ry/K97TD
        9lvgxVX5d214/ZMP1oYBEXMw0/y+xtbFLsw5ck9+9RSvA799cctRXQsOJ0twdnSrGoGl86
        0EnIEpMuj6velORi/tLfCb4Bq6k1aGXy5G+N2gOHRuWoKLAZHnKIzqd3oMvNXRyk9QSiAu
        hhQH729CxW4DXX6TjB2u18pdISicYKPsPDEGOIJfYrAw1utEtlEEmZI7JB789FMkjfRlCe
        wK9kIqZUZS59d4XEUBhUlorYv7B4W9e6drzwltzvcvgzIXVFussj4tCOB93acJLv2jxXWm
        +HulGpQhr4oX7xauPpnvugfBpDKpnLUR4M5iHZUQ1cg+xCAkVs2qtahk7NmmeoGnNpWaYg
        SlbJhgd42hwz1a//BiQ+/SefViLxeRsTH2GRq/Q/ukw164xxxhf6+3htfVjZ98ox50Ut+F
        a7ixXuxBI2rbvAiDfbD2e0yY1/dqd8OuCKnJJmh2ZIw3rfXylkhGmVe7QemRpf4XhGf04u
        5BdRsvUzdfMKv2/7vwEow1Xn5RSRLu3EE0ie+A30arRqD1P5kLb6wcnAeh41L9ME31JlsB
        iWDThBBhtrJPdLDZGUsVR+NiSTUZsR52yPQH+bLpoaIsBGdCMR2FB402pr7Yg/+HM/h75P
        aEgRGMvRrbTNQnJ8/R3kL2ujF1jQSXLwrRLO4b5u1HCY4GdpqawF0fFDgq4YS+Vxjmo1z1
        RnsdDzqGJs2faJq0n4DSpqmqV1rItwysHsUJLQgsBBzNd9Pcqk1VBHjKqFQ8590996ZCN4
        J79jDleNd7t0vZ038IFl9AEO6+EiHg6PpGqxbvF0VZ/eGywUk3qyBvM5JNKYBkU+y5UmNO
        9TXWiSZeonCWiZkkvg+tr2y+uTLNd2XupUlOzIuKO8sYA4+e81wy5Jg+KQLeSBupfoCmnS
        hbMhbnG9VAsU2WyhOm75j+YlWsZRoZRL7vOGfpa7qdaH8vGLdhDzO3hEvnexSKEzo1XW6M
        VEFRfws8zcst30D7sOrCo+YK8LUQ04f1SlTWVDGZARdWh7XpXU8s6whNt6y77TI0wesG2v
        vqqzXoo8QFJGY1FnzW1TyFWNhlH8JHJ8XW3Co0nkEZSdove6nlq2tt6k+nnE4h4pBi8Ijx
        1BTKkN9/zFbbfBD7pLmc64AWYQYDc1nw52NY3Ru8Qy3j9o/M6YoXwQx1tY/VmWhgx2uy1B
        R2VOdRq5Lv7xyR5bPX7sWAh1bReuN0/zjpUhjklM5GT9Q2kMP4ZauqTaeDdYU3V5/z0MOL
        XOWwBETg==
        -----END OPENSSH PRIVATE KEY-----
        """;

    public const string Rsa2048EncryptedPublicKey = """
        ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCtymzmKm/pYZryb3qE9tmMudMQveK9Mg+umySVw/TU5kcJokb7aSpAlLnbmQlsGvox7R0pq9aParQfTsTcF4SzPGI4xys9JOqv8/XVJdfx+2QnxszUPQKKB1KHaZcwinU872V6duR0q1rUtLI9+mSpVM4QeFEI/5kB2BkclNpx5DdoCAHGSrJZscoGKRE/Sl3gISkEbSYW6i6etwkllIz0qi77YRgcKQIMb1NL79EJbM+X9NewiANxPZJ9sBzEwfghJ4fvL7t+DGZCs5lfUGphAx3XNgPt+wFlmG0Nd6ph4feBptRWgH28J+um/AwmIqtlovAElwHVLWD3HRezD4SN rsa fixture
        """;

    public const string Rsa2048EncryptedRandomart = """
        2048 SHA256:hdacoZhZ/w9m2tiz0vuXzNQh4yUAJtLT3jHyaBzjusY rsa fixture (RSA)
        +---[RSA 2048]----+
        |     ...ooo      |
        |      .Bo@ *     |
        |      + O & +    |
        |       . B + + o |
        |        S   * = o|
        |       .   B + ..|
        |      . . o.+ = .|
        |       E  . .o +.|
        |      .    .oo.. |
        +----[SHA256]-----+
        """;

    public const string Rsa2048PemPrivateKey = """
        -----BEGIN RSA PRIVATE KEY-----
        MIIEogIBAAKCAQEAp9PTv4tSIJgalHVkyCzkgk+gv0h56aownNFgdyGCWWFC3tVG
        pOfidelSixdB+nGDMjIpnVIG2UBILQFXhW87DtOwnwtkqEuwY28r7limDIK0nnXq
        eAO7qKrPEDtNbDXboXx1ifUKt5nvVjKwTqZKBgFWZi8nrT9voUSPR67KJTql1D4Q
        UJX8fPMxQjBSWWJ+iqk96ftxuxiSZP4RxD7dmv4KmRjEmNvLzXxBpen7z2mnawYp
        e2mMi4ExtBWgIDzKMyeWEvkxVD2dSVajxBC2gSL136o/wTeFVVs0r50eTWXo7bCJ
        zOJHjb1LjPEbHhR08K4nUkEx/fGGLQ9DGR7lyQIDAQABAoIBACaMPA255XJBHZHN
        6QklbpMT0Rs+fWoTQjkyylJyqur2sRJXsHM+I8Drh58VB32LxxOne/F7nsEVx742
        mbC3XLxKGT5eso8JW4lrRo7nY7Rp7Sycbu+EA/14xji3NlBNipXr7V9znjOPsu58
        lAxsm4IHmp275QQhFvXWtoZDeoDUOWkulE2zEXL6D6Xe+OXzk/HPPRDbqlgO2nB0
        ed2l2Nb9ylv5EszeskSmilSp0CMM/8qKd1xS6JC8bnkp8VtQtaD/Uch25khyixzd
        g4AQ6FiA63ok8wDwD1r02V8gucPuNHdNiZsbT7Oqi8Gycr3tOUfvm9yy9Xqk6oHr
        NFqkqIUCgYEA17P3689G4T4enlINgBtWuOu9LapWgl7twaNYWLf7hU70e5bzxpRA
        pJ+3undSl4koI5OxfOa3yzizz0At70aIwdb2j+mkgtk0OnAePWrmOrx4mF84J6Ig
        29r5PiWfdUpeVs6xOKHbNQROVlwSzBluzDNbiT3YZi6z0bXCuG98T9cCgYEAxy4z
        2i5/Zw9bOK9utWItRtSGE8AVH7s/Zub6bVl6UaIYzrxtW+3k0rw30OKRzMg8IGlY
        R/2RwCxMqIJ9VwARp6G3G480oOLuy5oh3CBBSEPr0un/jWrv0GOKE3Nae+HZqc13
        vf/MXnRgBNDYhNrHCh3R5e1h3xWxS8sYZRSoQ18CgYAKuR2oEWPaqrXm9PlK1xEW
        nFGJRaCLVqDHMZGgx3Svid9JjZWM163nATGnCWuHsP/X1O3L4cRdS/JUaUJfVMhT
        qpYTTXAqORYJma1HLFtJrDjqikFGZx7vDxG47zHgKNRLyHay9Ajrt80VKfqdPt5t
        NFhmmDZ7zfKOiFSnypMJfQKBgHnUYtbzVe4d0HgtphPAB12ppJD0DneoOrGgWlEE
        R/MiqPXa/zEZo7racXGNBA0z9MMGbH8sNDhNYF454pySaDoWij+LKm+2HsXecxOH
        jya6lMYfZraDUEgwekZHanMXw+E+0h0fF0w29nw7mhQ5FUG016xBtHmVdSqdAUDi
        j8EVAoGAUCHydLr7qQkH8FiNqHrQCcpkXFw+6/ut09JV9c3N4Mv2nFCpmzCJLtsv
        5f+ig1cvSXkQQvlT6tkrVyIRGBvBi+4QIblbJ73+cDd+om6OX0p3stBtbMajYB/k
        SY+5uAK/9fPH8Cnf7tWG8ych3udAxSEf0PCyM7v6HaFp1F4ujWc=
        -----END RSA PRIVATE KEY-----
        """;

    public const string Rsa2048PemPublicKey = """
        ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCn09O/i1IgmBqUdWTILOSCT6C/SHnpqjCc0WB3IYJZYULe1Uak5+J16VKLF0H6cYMyMimdUgbZQEgtAVeFbzsO07CfC2SoS7BjbyvuWKYMgrSedep4A7uoqs8QO01sNduhfHWJ9Qq3me9WMrBOpkoGAVZmLyetP2+hRI9HrsolOqXUPhBQlfx88zFCMFJZYn6KqT3p+3G7GJJk/hHEPt2a/gqZGMSY28vNfEGl6fvPaadrBil7aYyLgTG0FaAgPMozJ5YS+TFUPZ1JVqPEELaBIvXfqj/BN4VVWzSvnR5NZejtsInM4keNvUuM8RseFHTwridSQTH98YYtD0MZHuXJ pem fixture
        """;

    public const string Rsa2048PemRandomart = """
        2048 SHA256:hjOgcYP0YLQvfVESQLu7ZoKy4fJSxB/3Vcl/YsZTYfQ pem fixture (RSA)
        +---[RSA 2048]----+
        | .=.o.o..  . ..+.|
        | o = . o    + . o|
        | .+ * .    . o .E|
        |  o*.+.o  .   B .|
        | .o.+o=.S.   o + |
        |  ...o +.        |
        |.o  .            |
        |*.. o.           |
        |+=.+.            |
        +----[SHA256]-----+
        """;

    /// <summary>`ssh-keygen -t ed25519 -Z chacha20-poly1305@openssh.com -N pw`, its .pub deleted.</summary>
    public const string Ed25519ChachaPrivateKey = """
        -----BEGIN OPENSSH PRIVATE KEY-----
        b3BlbnNzaC1rZXktdjEAAAAAHWNoYWNoYTIwLXBvbHkxMzA1QG9wZW5zc2guY29tAAAABm
        JjcnlwdAAAABgAAAAQoG7CN7HlCtR3blUsGOQJrQAAABAAAAABAAAAMwAAAAtzc2gtZWQy
        NTUxOQAAACAm/tyNdDOrbbbqzXovlMW1dJ9eIDxO2ajdaM40bLyZLQAAAIhxrXDZkzgCAi
        Ej/ZQNQXHFTBkEQ5Z/yrozM5v61scjM0C6xW5adA1NEUQmAVSiZRUd2eGI52TJFH9euHMG
        gwVSS92eN/ig9whCfvJJ3R+8B9xEgSTYZgEP4GXItu2JlVp+ngizrrjBX0G4856u3wO5pN
        xUGgOaSIyfn5c6/J/UI+tyQL8ddfdq49uCopKrqjL9GJWmXYBNog==
        -----END OPENSSH PRIVATE KEY-----
        """;

    public const string Ed25519ChachaFingerprint = "256 SHA256:1BfmS+ih7l46M17RI0C4UVPurW43ECuU9JAlpeZEevI no comment (ED25519)";
}
